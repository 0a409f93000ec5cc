/**
 * The menu frame: links with target="main" load pages into the main frame (a frame navigation);
 * jQuery marks the chosen item, as such menus did.
 */
import $ from 'jquery';
import './common';

$('a[target="main"]').on('click', function () {
  $('a[target="main"]').removeClass('fs-current');
  $(this).addClass('fs-current');
});
