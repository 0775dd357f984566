/*
 * Signing out forgets what this device kept for the person: the copies of application forms typed
 * while offline (apply.js keeps them under "hamkke.apply." keys). A phone is often shared; the next
 * person to sign in on it must find nothing of the last one's answers. Loaded on every page where
 * someone is signed in, as a file (the page's policy allows no inline script).
 */
(function () {
  'use strict';
  var form = document.getElementById('signout');
  if (!form) {
    return;
  }

  function forgetDeviceCopies() {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf('hamkke.apply.') === 0) {
          localStorage.removeItem(key);
        }
      }
    } catch (e) {
      // No storage here (private browsing): nothing was kept.
    }
  }

  form.addEventListener('submit', forgetDeviceCopies);
  // Faces' button may send the form by script rather than a plain submit: its click comes first either way.
  form.querySelectorAll('input[type=submit], button').forEach(function (button) {
    button.addEventListener('click', forgetDeviceCopies);
  });
}());
