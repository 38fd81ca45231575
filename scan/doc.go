// Package scan brings pages in (image and PDF files, scanners), makes clean
// pages of them and tells whether their quality is good enough to submit.
package scan
