// Records Content-Security-Policy violations so tests (and curious operators) can see them.
window.parkleitCspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.parkleitCspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
