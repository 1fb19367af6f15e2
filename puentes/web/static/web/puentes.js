// Puentes' only script (the Content-Security-Policy allows no inline script):
// controls that act on their own, declared in the templates with data- attributes.
document.addEventListener("change", (event) => {
  const control = event.target.closest("[data-autosubmit]");
  if (control && control.form) control.form.requestSubmit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
