/*
 * Staff's calendar of sessions (staff/calendar.xhtml). After any change, refused or done, the
 * calendar loads its weeks again, so a session dragged somewhere it may not go springs back to where
 * it really is. The dialog opens once the server has filled it for the session clicked, and closes
 * once a move or a cancellation is done. A file, as the page's policy allows no inline script
 * beyond PrimeFaces' own.
 */
var hamkkeCalendar = (function () {
  'use strict';

  function reload() {
    PF('calendar').update();
  }

  return {
    reload: reload,
    open: function () {
      PF('sessionDialog').show();
    },
    done: function (args) {
      if (args && args.done) {
        PF('sessionDialog').hide();
      }
      reload();
    }
  };
}());
