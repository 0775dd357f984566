/*
 * "Copy" next to the calendar address on My learning: puts the address on the clipboard. Without
 * JavaScript the button stays hidden and the address is an ordinary field to select and copy.
 * Loaded as a file (the page's policy allows no inline script).
 */
(function () {
  'use strict';
  var button = document.getElementById('feed-copy');
  var field = document.getElementById('feed-url');
  if (!button || !field) {
    return;
  }

  function copied() {
    button.textContent = button.getAttribute('data-copied');
  }

  function selectAndCopy() {
    field.focus();
    field.select();
    try {
      if (document.execCommand('copy')) {
        copied();
      }
    } catch (e) {
      // Selected at least: the person copies it by hand.
    }
  }

  button.hidden = false;
  button.addEventListener('click', function () {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(copied, selectAndCopy);
    } else {
      selectAndCopy();
    }
  });
  field.addEventListener('focus', function () {
    field.select();
  });
})();
