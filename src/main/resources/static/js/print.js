// The print button of a printable page. A file, not an onclick attribute: the Content-Security-Policy runs no inline script.
document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
});
