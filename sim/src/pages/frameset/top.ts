/** The top navigation frame: jQuery, as such systems were written. */
import $ from 'jquery';
import './common';

$('#fs-logout').on('click', (event) => {
  event.preventDefault();
  // Old systems reload the whole frameset from a frame: window.top.
  window.top?.location.reload();
});
