/* Shared helpers of the legacy pages (ES5 on purpose: this module predates the new platform). */
var Legacy = (function () {
  var PREFIX = 'zhiyin-sim:';

  function readRawJson(key) {
    try {
      var raw = localStorage.getItem(PREFIX + key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  /* The new platform's session lives in an envelope { v, data }. */
  function session() {
    var s = readRawJson('session');
    return s && s.data && s.data.account ? s.data : null;
  }

  function guard() {
    if (!session()) {
      var here = 'legacy/' + location.pathname.split('/').pop() + location.search;
      window.top.location.href = '../login.html?redirect=' + encodeURIComponent(here);
      return false;
    }
    return true;
  }

  /* Simulated clock of the platform (window.simClock in the new pages). */
  function now() {
    var offset = Number(localStorage.getItem(PREFIX + 'clock:offset') || 0);
    return new Date(Date.now() + (isFinite(offset) ? offset : 0));
  }

  function pad(n) {
    return n < 10 ? '0' + n : '' + n;
  }

  function formatDate(d) {
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function load(key, fallback) {
    var v = readRawJson('legacy:' + key);
    return v === null ? fallback : v;
  }

  function save(key, value) {
    localStorage.setItem(PREFIX + 'legacy:' + key, JSON.stringify(value));
  }

  function escapeHtml(s) {
    return String(s)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  return {
    session: session,
    guard: guard,
    now: now,
    formatDate: formatDate,
    load: load,
    save: save,
    escapeHtml: escapeHtml,
  };
})();
