/* Page-world measurement harness for bench/tour (served as /harness.js on every bench page).
   Plain browser script: the same code measures Zhiyin, driver.js, Shepherd and the floor.
   All times are epoch milliseconds (performance.timeOrigin + performance.now()), so a start
   recorded in the extension's page and a frame seen here are on one clock. */
/* global window, document, performance, requestAnimationFrame, getComputedStyle,
   PerformanceObserver, ResizeObserver, setTimeout */
(function () {
  'use strict';
  var now = function () {
    return performance.timeOrigin + performance.now();
  };

  var STEPS = [
    { sel: '#deep-target', title: '统一社会信用代码', body: '请填写 18 位统一社会信用代码。' },
    { sel: '#log-target', title: '操作日志', body: '这条日志在可滚动的面板深处。' },
    { sel: '#header-target', title: '消息中心', body: '固定页头中的按钮。' },
    { sel: '#row-target', title: '查看详情', body: '表格靠后的一行。' },
  ];
  /** How close (px) the card must be to its target to count as positioned. */
  var NEAR = 40;

  // Long tasks on this page's main thread (content scripts run on it too).
  var longTasks = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        longTasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
      });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported: reported as no long tasks */
  }

  // ---- the floor: no library, a plain card placed synchronously -------------------------------
  var floor = { card: null, step: -1, onScroll: null };
  function floorPlace() {
    var target = document.querySelector(STEPS[floor.step].sel);
    var r = target.getBoundingClientRect();
    floor.card.style.left = Math.max(8, r.left) + 'px';
    floor.card.style.top = r.bottom + 12 + 'px';
  }
  function floorShow(step) {
    floorRemove();
    floor.step = step;
    var target = document.querySelector(STEPS[step].sel);
    var r = target.getBoundingClientRect();
    if (r.top < 56 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth) {
      target.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
    var card = document.createElement('div');
    card.id = 'floor-card';
    card.setAttribute('role', 'dialog');
    card.dataset.step = String(step);
    card.style.cssText =
      'position:fixed;z-index:2147483647;width:320px;background:#fff;border:1px solid #ccc;' +
      'padding:12px;box-shadow:0 8px 24px rgba(0,0,0,.2)';
    card.innerHTML =
      '<h2></h2><p></p><button type="button" class="close">×</button>' +
      '<button type="button" class="next">下一步</button>';
    card.querySelector('h2').textContent = STEPS[step].title;
    card.querySelector('p').textContent = STEPS[step].body;
    card.querySelector('.next').addEventListener('click', function () {
      if (step + 1 < STEPS.length) floorShow(step + 1);
      else floorRemove();
    });
    card.querySelector('.close').addEventListener('click', floorRemove);
    document.body.appendChild(card);
    floor.card = card;
    floorPlace();
    floor.onScroll = floorPlace;
    window.addEventListener('scroll', floor.onScroll, { capture: true, passive: true });
  }
  function floorRemove() {
    if (floor.onScroll) window.removeEventListener('scroll', floor.onScroll, { capture: true });
    if (floor.card) floor.card.remove();
    floor.card = null;
    floor.onScroll = null;
  }

  // ---- starting each library the way a site (or the extension) would -------------------------
  /**
   * Row id → library: `driver` and `driver-noanim` are driver.js, `shepherd` and
   * `shepherd-noanim` are Shepherd, `zhiyin` and `zhiyin-cold` are Zhiyin.
   */
  function base(lib) {
    return lib.split('-')[0];
  }
  var active = null;
  function startLibrary(lib) {
    if (lib === 'floor') {
      floorShow(0);
    } else if (base(lib) === 'driver') {
      // The docs' tour example (driverjs.com/docs/tour-basics): `showProgress` and the steps,
      // the rest left at the library's defaults (animate: true, duration 400 ms, smoothScroll:
      // false). `driver-noanim` turns the animation off; smoothScroll is false either way.
      var config = {
        showProgress: true,
        steps: STEPS.map(function (s) {
          return {
            element: s.sel,
            popover: { title: s.title, description: s.body, side: 'bottom' },
          };
        }),
      };
      if (lib === 'driver-noanim') {
        config.animate = false;
        config.smoothScroll = false;
      }
      var d = window.driver.js.driver(config);
      active = d;
      d.drive();
    } else if (base(lib) === 'shepherd') {
      // The docs' example (Shepherd's usage guide): a modal overlay and `scrollTo: true` (an
      // instant scrollIntoView, target to the top); a cancel icon so the tour can be closed.
      // Shepherd has no animation option: its fades are CSS transitions in shepherd.css, which
      // `shepherd-noanim` turns off with a stylesheet (see libTags in tour.bench.ts), and it
      // scrolls with an explicit instant, centred scrollIntoView.
      var Shepherd = window.Shepherd;
      var tour = new Shepherd.Tour({
        useModalOverlay: true,
        defaultStepOptions: {
          scrollTo: lib === 'shepherd-noanim' ? { behavior: 'auto', block: 'center' } : true,
          cancelIcon: { enabled: true },
        },
      });
      STEPS.forEach(function (s, i) {
        tour.addStep({
          id: 's' + i,
          title: s.title,
          text: s.body,
          attachTo: { element: s.sel, on: 'bottom' },
          buttons: [{ text: i === STEPS.length - 1 ? '完成' : '下一步', action: tour.next }],
        });
      });
      active = tour;
      tour.start();
    } else {
      throw new Error('start ' + lib + ' from the extension, not the page');
    }
  }

  function findCard(lib, step) {
    if (lib.indexOf('zhiyin') === 0) {
      var host = document.querySelector('zhiyin-overlay');
      var root = host && host.shadowRoot;
      return root ? root.querySelector('.zy-card[data-zhiyin-step="' + step + '"]') : null;
    }
    if (base(lib) === 'driver') return document.querySelector('.driver-popover');
    if (base(lib) === 'shepherd') {
      return document.querySelector('.shepherd-element[data-shepherd-step-id="s' + step + '"]');
    }
    var card = document.getElementById('floor-card');
    return card && card.dataset.step === String(step) ? card : null;
  }

  function button(lib, step, which) {
    var card = findCard(lib, step);
    if (!card) return null;
    var selectors = {
      zhiyin: { next: '.zy-card-actions .zy-button-primary', exit: '.zy-close' },
      driver: { next: '.driver-popover-next-btn', exit: '.driver-popover-close-btn' },
      shepherd: { next: '.shepherd-footer .shepherd-button', exit: '.shepherd-cancel-icon' },
      floor: { next: '.next', exit: '.close' },
    };
    return card.querySelector(selectors[base(lib)][which]);
  }

  /** Opacity of the element times that of every ancestor, crossing shadow roots. */
  function effectiveOpacity(el) {
    var opacity = 1;
    for (var node = el; node;) {
      var style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return 0;
      opacity *= parseFloat(style.opacity);
      node = node.parentElement || (node.getRootNode && node.getRootNode().host) || null;
    }
    return opacity;
  }

  /** Distance between two boxes in px (0 when they touch or overlap). */
  function gap(a, b) {
    var dx = Math.max(0, b.left - a.right, a.left - b.right);
    var dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
    return Math.hypot(dx, dy);
  }

  function shown(lib, step) {
    var card = findCard(lib, step);
    if (!card || !card.isConnected) return false;
    var c = card.getBoundingClientRect();
    if (c.width === 0 || c.height === 0) return false;
    if (c.bottom < 0 || c.top > window.innerHeight || c.right < 0 || c.left > window.innerWidth) {
      return false;
    }
    var target = document.querySelector(STEPS[step].sel);
    var t = target.getBoundingClientRect();
    var cx = t.left + t.width / 2;
    var cy = t.top + t.height / 2;
    if (cx < 0 || cy < 0 || cx > window.innerWidth || cy > window.innerHeight) return false;
    if (gap(c, t) > NEAR) return false;
    return effectiveOpacity(card) >= 0.999;
  }

  /**
   * Resolves at the frame after the step first holds (visible, positioned, opaque) with that
   * frame's time and the long tasks that overlapped [t0, then].
   */
  function watch(lib, step, timeoutMs) {
    var started = now();
    return new Promise(function (resolve) {
      var held = false;
      function frame() {
        var t = now();
        if (held) {
          resolve({ at: t });
          return;
        }
        if (shown(lib, step)) held = true;
        if (t - started > (timeoutMs || 10000)) {
          resolve({ at: null });
          return;
        }
        requestAnimationFrame(frame);
      }
      requestAnimationFrame(frame);
    });
  }

  function tasksBetween(t0, t1) {
    return longTasks
      .filter(function (e) {
        return e.start + e.duration > t0 && e.start < t1;
      })
      .map(function (e) {
        return e.duration;
      });
  }

  /** The pending result of an armed 下一步 (see armNext). */
  var armed = null;

  function result(t0, seen) {
    if (seen.at === null) return { ms: null, longTasks: tasksBetween(t0, now()) };
    return { ms: seen.at - t0, longTasks: tasksBetween(t0, seen.at) };
  }

  // ---- scrolling with a card shown: frame times and drift ----------------------------------
  var probe = null;
  function probeStart(lib, step, scrollerSelector) {
    var card = findCard(lib, step);
    var scroller = scrollerSelector ? document.querySelector(scrollerSelector) : null;
    var scrollPos = function () {
      return scroller ? scroller.scrollTop : window.scrollY;
    };
    var target = document.querySelector(STEPS[step].sel);
    if (!card) return false;
    // A 1 px sentinel resized every frame: its ResizeObserver callback runs after the frame's
    // animation callbacks and layout, right before paint, so it reads what will be painted.
    var sentinel = document.createElement('div');
    sentinel.style.cssText =
      'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;pointer-events:none';
    document.documentElement.appendChild(sentinel);
    var state = {
      lib: lib,
      step: step,
      sentinel: sentinel,
      frames: [],
      gaps: [],
      last: null,
      running: true,
      gap0: gap(card.getBoundingClientRect(), target.getBoundingClientRect()),
      scroll0: scrollPos(),
      scrolled: 0,
    };
    state.observer = new ResizeObserver(function () {
      var current = findCard(lib, step);
      state.scrolled = Math.max(state.scrolled, Math.abs(scrollPos() - state.scroll0));
      if (!current) return;
      state.gaps.push(gap(current.getBoundingClientRect(), target.getBoundingClientRect()));
    });
    state.observer.observe(sentinel);
    function frame(ts) {
      if (!state.running) return;
      if (state.last !== null) state.frames.push(ts - state.last);
      state.last = ts;
      sentinel.style.width = sentinel.style.width === '2px' ? '1px' : '2px';
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
    probe = state;
    return true;
  }
  /** Marks the end of the scrolling part: gaps after this index are "after scrolling". */
  function probeMark() {
    if (probe) probe.mark = probe.gaps.length;
  }
  function probeStop() {
    var state = probe;
    probe = null;
    if (!state) return null;
    state.running = false;
    state.observer.disconnect();
    state.sentinel.remove();
    var drifts = state.gaps.map(function (g) {
      return Math.abs(g - state.gap0);
    });
    var mark = state.mark === undefined ? drifts.length : state.mark;
    var during = drifts.slice(0, mark);
    var after = drifts.slice(mark);
    return {
      frames: state.frames,
      driftDuring: during.length ? Math.max.apply(null, during) : 0,
      driftAfter: after.length ? after[after.length - 1] : during[during.length - 1] || 0,
      gap0: state.gap0,
      scrolled: state.scrolled,
    };
  }

  window.__bench = {
    steps: STEPS.length,
    now: now,
    nodeCount: function () {
      return document.getElementsByTagName('*').length;
    },
    /** Zhiyin: the extension starts the tour; the caller passes the start time later. */
    watch: function (lib, step) {
      return watch(lib, step);
    },
    tasksBetween: tasksBetween,
    /** driver.js, Shepherd, the floor: started here. */
    startAndWatch: function (lib) {
      var t0 = now();
      startLibrary(lib);
      return watch(lib, 0).then(function (seen) {
        return result(t0, seen);
      });
    },
    /**
     * 下一步 is pressed with a real (trusted) mouse click from the bench: Zhiyin ignores clicks a
     * page script makes (issue 10), so `button.click()` no longer moves it. This finds and focuses
     * the button and times from the click as the button receives it (the same point for every
     * library); the bench presses Enter; `nextResult` waits for the next card.
     */
    armNext: function (lib, step) {
      var next = button(lib, step, 'next');
      if (!next) {
        armed = Promise.resolve({ ms: null, longTasks: [] });
        return false;
      }
      armed = new Promise(function (resolve) {
        next.addEventListener(
          'click',
          function () {
            var t0 = now();
            watch(lib, step + 1).then(function (seen) {
              resolve(result(t0, seen));
            });
          },
          { capture: true, once: true },
        );
      });
      // Pressed from the keyboard (focus + Enter makes a trusted click): the floor's card can sit
      // partly outside the window, where no mouse can reach.
      next.focus({ preventScroll: true });
      return true;
    },
    /** The other libraries do not ask whether a click is the user's: clicked here, as before. */
    nextAndWatch: function (lib, step) {
      var next = button(lib, step, 'next');
      if (!next) return Promise.resolve({ ms: null, longTasks: [] });
      var t0 = now();
      next.click();
      return watch(lib, step + 1).then(function (seen) {
        return result(t0, seen);
      });
    },
    nextResult: function () {
      return armed;
    },
    /**
     * Focuses the card's close button for a trusted Enter (Zhiyin ignores clicks a page script
     * makes, issue 10: a scripted click left its tour running, and the next load of the tab
     * continued it). False: no button.
     */
    armExit: function (lib, step) {
      var close = button(lib, step, 'exit');
      if (!close) return false;
      close.focus({ preventScroll: true });
      return true;
    },
    /** Two frames later (after armExit and Enter, or after a scripted close for the others). */
    settle: function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () {
          requestAnimationFrame(function () {
            setTimeout(resolve, 0);
          });
        });
      });
    },
    exit: function (lib, step) {
      var close = button(lib, step, 'exit');
      if (close) close.click();
      else if (base(lib) === 'driver' && active) active.destroy();
      return new Promise(function (resolve) {
        requestAnimationFrame(function () {
          requestAnimationFrame(function () {
            setTimeout(resolve, 0);
          });
        });
      });
    },
    rectOf: function (selector) {
      var r = document.querySelector(selector).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    probeStart: probeStart,
    probeMark: probeMark,
    probeStop: probeStop,
  };
})();
