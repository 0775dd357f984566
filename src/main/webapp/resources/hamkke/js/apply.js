/*
 * The application form on a phone with a weak connection: saves the draft a few seconds after
 * typing stops, keeps a copy on the device while the connection is lost (and sends it when it
 * comes back), checks a file's size before sending it, and shows upload progress. Without
 * JavaScript the form still works: every button saves.
 *
 * The device copy belongs to the person who typed it: its key names them (data-owner, their id)
 * and the call, and the copy says whose it is, so on a phone shared by a family or a group nobody
 * is ever shown another person's answers. Signing out removes every copy (signout.js).
 */
(function () {
  'use strict';
  var form = document.getElementById('apply');
  if (!form) {
    return;
  }
  var status = document.getElementById('autosave-status');
  var owner = form.dataset.owner;
  if (!owner) {
    return;
  }
  var key = 'hamkke.apply.' + owner + '.' + form.dataset.call + '.' + form.dataset.step;
  var autosaveButton = form.querySelector('input.autosave');
  var timer = null;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== 'hidden' && el.type !== 'file' && el.type !== 'submit';
    });
  }

  function keepOnDevice() {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        values[el.id] = el.checked;
      } else {
        values[el.id] = el.value;
      }
    });
    try {
      localStorage.setItem(key, JSON.stringify({owner: owner, at: Date.now(), values: values}));
    } catch (e) {
      // Private browsing or a full store: the server copy still works.
    }
  }

  function restoreFromDevice() {
    var kept;
    try {
      kept = JSON.parse(localStorage.getItem(key) || 'null');
    } catch (e) {
      kept = null;
    }
    if (!kept || kept.owner !== owner || !kept.values || kept.at <= Number(form.dataset.savedAt || 0)) {
      return false;
    }
    Object.keys(kept.values).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) {
        return;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = kept.values[id];
      } else {
        el.value = kept.values[id];
      }
    });
    say(form.dataset.msgRestored);
    return true;
  }

  function autosave() {
    if (!autosaveButton) {
      return;
    }
    var data = new FormData(form);
    form.querySelectorAll('input[type=file]').forEach(function (el) {
      data.delete(el.name);
    });
    data.append(autosaveButton.name, autosaveButton.value);
    // XMLHttpRequest rather than fetch: older phones' browsers have it too.
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.addEventListener('load', function () {
      var text = xhr.responseText || '';
      if (xhr.status === 200 && text.length < 300) {
        try {
          localStorage.removeItem(key);
        } catch (e) {
          // nothing kept, nothing to remove
        }
        say(text);
      } else if (xhr.status === 409) {
        say(text);
      } else {
        say(form.dataset.msgOffline);
      }
    });
    xhr.addEventListener('error', function () {
      say(form.dataset.msgOffline);
    });
    xhr.send(data);
  }

  function changed() {
    keepOnDevice();
    clearTimeout(timer);
    timer = setTimeout(autosave, 3000);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  window.addEventListener('online', autosave);

  // A file larger than the limit is refused here, before minutes of uploading on a slow link.
  form.querySelectorAll('input[type=file]').forEach(function (input) {
    input.addEventListener('change', function () {
      var max = Number(form.dataset.maxBytes);
      if (input.files.length && input.files[0].size > max) {
        input.value = '';
        var note = document.createElement('span');
        note.className = 'field-error';
        note.textContent = form.dataset.msgTooLarge;
        input.insertAdjacentElement('afterend', note);
      }
    });
  });

  // Which button sent the form: event.submitter is missing in older phone browsers.
  var lastButton = null;
  form.querySelectorAll('input[type=submit], button[type=submit]').forEach(function (button) {
    button.addEventListener('click', function () {
      lastButton = button;
    });
  });

  // With a file chosen, send the form ourselves to show how far the upload has come.
  form.addEventListener('submit', function (event) {
    var withFile = Array.prototype.some.call(form.querySelectorAll('input[type=file]'), function (el) {
      return el.files.length > 0;
    });
    if (!withFile || !window.XMLHttpRequest || !window.FormData) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    var button = event.submitter || lastButton;
    if (button && button.name) {
      data.append(button.name, button.value);
    }
    var progress = document.getElementById('upload-progress');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable && progress) {
        progress.hidden = false;
        progress.value = Math.round(100 * e.loaded / e.total);
        say(form.dataset.msgUploading.replace('{0}', progress.value));
      }
    });
    xhr.addEventListener('load', function () {
      // Show the page the server answered with (after its redirect, if any) rather than asking
      // for it again: asking again would lose the one-time message it carries ("draft saved").
      if (xhr.responseURL && window.history && history.replaceState) {
        history.replaceState(null, '', xhr.responseURL);
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () {
      say(form.dataset.msgUploadFailed);
    });
    xhr.send(data);
  });

  if (restoreFromDevice()) {
    autosave();
  }
}());
