/*
 * A check-in code's QR address opens the check-in page with the code filled in (a GET changes
 * nothing); this sends the form at once, so scanning is all it takes. Only when the page says so
 * (data-auto, set only for an address carrying a code): the answer comes back without the code,
 * so it is never sent twice. Without scripts, the learner presses the button.
 */
(function () {
  'use strict';
  var form = document.getElementById('checkIn');
  if (!form || form.getAttribute('data-auto') !== 'true') {
    return;
  }
  var button = document.getElementById('checkIn:checkInButton');
  if (button) {
    button.click();
  }
}());
