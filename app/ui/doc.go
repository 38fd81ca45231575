// Package ui is idpro's desktop interface: the four-step request wizard,
// the request history and the settings, in Fyne. It holds only screen code;
// the rules live in app, the request's life in app/desk. Long work (reading
// an MRZ, sending) runs off the UI goroutine and comes back through
// fyne.Do (Deps.Do). It does not import fyne.io/fyne/v2/app, so its tests
// run with Fyne's test driver and no display.
package ui
