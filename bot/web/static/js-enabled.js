// GOV.UK Frontend's styles for pages that run JavaScript (an external file, as the CSP allows no inline script).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
