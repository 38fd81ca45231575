package ui

import (
	"context"
	"errors"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// Account is the signed-in side of the app (app/account.Account).
type Account interface {
	SignedIn() bool
	Identity() (app.Identity, bool)
	Company() (app.Company, bool)
	SignIn(ctx context.Context, lang string, open func(url string)) error
	SignOut(ctx context.Context) error
	UseCompany(number string) error
	Staff(ctx context.Context) ([]app.Member, error)
	SetAccess(ctx context.Context, id string, access bool) (app.Member, error)
	// Lookup asks the Crossroads Bank's register whether it knows the
	// worker on the form.
	Lookup(ctx context.Context, doc app.Document, p app.Person) (app.Known, error)
}

// signinTimeout is how long the app waits for the browser to come back.
const signinTimeout = 10 * time.Minute

// accountBar shows who is signed in for which company, and signs in and
// out. It sits in the status line, visible from every screen.
type accountBar struct {
	u        *UI
	who      *widget.Label
	company  *widget.Select
	numbers  map[string]string // company select label -> enterprise number
	signIn   *widget.Button
	signOut  *widget.Button
	root     fyne.CanvasObject
	updating bool
}

func newAccountBar(u *UI) *accountBar {
	b := &accountBar{u: u, who: widget.NewLabel(""), numbers: map[string]string{}}
	b.company = widget.NewSelect(nil, b.pick)
	b.company.PlaceHolder = u.T("ui.select")
	b.signIn = widget.NewButtonWithIcon(u.T("ui.account.sign_in"), theme.LoginIcon(), u.signIn)
	b.signIn.Importance = widget.HighImportance
	b.signOut = widget.NewButtonWithIcon(u.T("ui.account.sign_out"), theme.LogoutIcon(), u.signOut)
	b.root = container.NewHBox(b.who, b.company, b.signIn, b.signOut)
	b.update()
	return b
}

// update shows the account as it is now.
func (b *accountBar) update() {
	u := b.u
	id, ok := u.Account.Identity()
	b.company.Hide()
	if !ok {
		b.who.SetText(u.T("ui.account.signed_out"))
		b.signIn.Show()
		b.signOut.Hide()
		return
	}
	b.signIn.Hide()
	b.signOut.Show()
	cur, _ := u.Account.Company()
	b.who.SetText(u.T("ui.account.who", "name", id.Name, "company", cur.Name))
	if len(id.Companies) < 2 {
		return
	}
	var labels []string
	b.numbers = map[string]string{}
	for _, c := range id.Companies {
		l := c.Name + " (" + app.FormatEnterprise(c.Number) + ")"
		b.numbers[l] = c.Number
		labels = append(labels, l)
	}
	b.updating = true
	b.company.Options = labels
	b.company.SetSelected(cur.Name + " (" + app.FormatEnterprise(cur.Number) + ")")
	b.updating = false
	b.company.Show()
}

// pick works for another of the user's companies; the choice is kept
// in the store, off the UI goroutine.
func (b *accountBar) pick(label string) {
	number := b.numbers[label]
	if b.updating || number == "" {
		return
	}
	b.u.goBackground(func(context.Context) {
		err := b.u.Account.UseCompany(number)
		b.u.Do(func() {
			if err != nil {
				b.u.showError(err)
			}
			b.u.accountChanged()
		})
	})
}

// signIn opens the service's sign-in page in the system browser and waits
// for it off the UI goroutine. The page's address is shown too, with a
// copy button, for a machine where no browser opens.
func (u *UI) signIn() {
	ctx, cancel := context.WithTimeout(u.ctx, signinTimeout)
	addr := widget.NewEntry()
	addr.SetPlaceHolder(u.T("ui.signin.waiting"))
	copyAddr := widget.NewButtonWithIcon(u.T("ui.signin.copy"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(addr.Text)
	})
	msg := widget.NewLabel(u.T("ui.signin.browser"))
	msg.Wrapping = fyne.TextWrapWord
	busy := widget.NewProgressBarInfinite()
	content := container.NewVBox(msg, container.NewBorder(nil, nil, nil, copyAddr, addr), busy)
	d := dialog.NewCustom(u.T("ui.signin.title"), u.T("ui.cancel"), content, u.win)
	d.SetOnClosed(cancel)
	d.Resize(fyne.NewSize(620, 240))
	d.Show()
	u.signinDialog = d
	u.goBackground(func(context.Context) {
		err := u.Account.SignIn(ctx, u.Catalog.Lang(), func(link string) {
			u.Do(func() {
				addr.SetText(link)
				if parsed, perr := url.Parse(link); perr == nil {
					if oerr := u.OpenURL(parsed); oerr != nil {
						u.Log.Info("no browser opened; the address is shown", "err", oerr)
					}
				}
			})
		})
		u.Do(func() {
			busy.Stop()
			d.Hide()
			u.signinDialog = nil
			if err != nil && !errors.Is(err, context.Canceled) && app.ErrorCode(err) != "signin.cancelled" {
				u.showError(err)
			}
			u.accountChanged()
		})
	})
}

func (u *UI) signOut() {
	u.goBackground(func(ctx context.Context) {
		err := u.Account.SignOut(ctx)
		u.Do(func() {
			if err != nil && !errors.Is(err, app.ErrUnreachable) {
				u.showError(err)
			}
			u.accountChanged()
		})
	})
}

// accountChanged refreshes everything that depends on who is signed in:
// the bar, the Access tab, the history, the send step; then sends what
// waited for a sign-in and syncs the company's history.
func (u *UI) accountChanged() {
	if u.account != nil {
		u.account.update()
	}
	u.showAccessTab()
	u.history.reload()
	u.wizard.sendStep().showAccount()
	if u.Account != nil && u.Account.SignedIn() {
		u.history.sync()
	}
}
