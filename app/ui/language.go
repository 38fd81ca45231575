package ui

// applyLanguage shows every screen in lang ("" follows the system) at
// once: the window's content, menu and tabs are built again with the new
// catalog, and the request being typed, its step and the tab the user was
// on are kept.
func (u *UI) applyLanguage(lang string) error {
	cat, err := u.Catalogs(lang)
	if err != nil {
		return err
	}
	if cat.Lang() == u.Catalog.Lang() {
		return nil
	}
	old := u.wizard
	old.saveNow()
	old.steps[old.at].save(old.req)
	tab := u.tabs.SelectedIndex()
	u.Catalog = cat
	u.build()
	// A request the desk is sending stays the desk's: the new wizard
	// must not save over it either.
	u.wizard.sending = old.sending
	u.wizard.edit(old.req)
	u.wizard.show(old.at)
	u.tabs.SelectIndex(tab)
	return nil
}
