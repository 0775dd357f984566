/*
 * The staff table's dialog (staff/applications.xhtml). It opens once the server has filled it for a
 * row or for the ticked rows, and closes once a move or a bulk action is done. Closing by Escape or
 * "Cancel" leaves focus where PrimeFaces puts it back, on the button that opened it; after a move
 * the table has been drawn again, so focus goes to the moved row's button if the row is still
 * shown, and otherwise to the table's first one. A file, as the page's policy allows no inline
 * script beyond PrimeFaces' own.
 */
var hamkkePipeline = (function () {
  'use strict';

  function dialog() {
    return PF('moveDialog');
  }

  return {
    open: function (args) {
      if (args && args.open) {
        dialog().show();
      }
    },
    done: function (args) {
      if (!args || !args.done) {
        return;
      }
      dialog().hide();
      var row = args.row;
      setTimeout(function () {
        var table = document.getElementById('pipeline:table');
        if (!table) {
          return;
        }
        var button = (row && table.querySelector('tr[data-rk="' + row + '"] .open-move')) || table.querySelector('.open-move');
        if (button) {
          button.focus();
        }
      }, 200);
    }
  };
}());
