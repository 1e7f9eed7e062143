// Behaviour the pages share, kept out of the HTML so the Content-Security-Policy can forbid inline scripts.
// A <select data-autosubmit> submits its form on change (the language switcher); <noscript> keeps a button.
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
  }
});
