// A tiny system with an image-captcha login (test fixture). The session lives in localStorage,
// so a Playwright storage state captures it. Pages other than login.html send a visitor without
// a session to the login page, as real systems do.
(function () {
  var KEY = 'captcha-app-session';
  function randomCode() {
    var letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    var code = '';
    for (var i = 0; i < 4; i++) code += letters[Math.floor(Math.random() * letters.length)];
    return code;
  }
  function draw(canvas, code) {
    var g = canvas.getContext('2d');
    g.fillStyle = '#eef2f7';
    g.fillRect(0, 0, canvas.width, canvas.height);
    for (var i = 0; i < 6; i++) {
      g.strokeStyle = 'rgba(60,80,120,0.4)';
      g.beginPath();
      g.moveTo(Math.random() * 96, Math.random() * 32);
      g.lineTo(Math.random() * 96, Math.random() * 32);
      g.stroke();
    }
    g.font = 'bold 20px monospace';
    g.fillStyle = '#1f3b66';
    for (var j = 0; j < code.length; j++) {
      g.save();
      g.translate(12 + j * 20, 24);
      g.rotate((Math.random() - 0.5) * 0.5);
      g.fillText(code[j], 0, 0);
      g.restore();
    }
  }
  window.ZhiyinCaptchaApp = {
    loginPage: function () {
      var code = randomCode();
      var canvas = document.getElementById('captcha-image');
      draw(canvas, code);
      // What a person reads off the image; tests read it here instead of doing OCR.
      canvas.dataset.testAnswer = code;
      canvas.addEventListener('click', function () {
        code = randomCode();
        canvas.dataset.testAnswer = code;
        draw(canvas, code);
      });
      document.getElementById('login').addEventListener('submit', function (event) {
        event.preventDefault();
        var account = document.getElementById('account').value.trim();
        var password = document.getElementById('password').value;
        var answer = document.getElementById('captcha').value.trim().toUpperCase();
        var error = document.getElementById('error');
        if (answer !== code) {
          error.textContent = '验证码错误';
          error.hidden = false;
          return;
        }
        if (account !== 'wangwu' || password !== 'Captcha@2024') {
          error.textContent = '账号或密码错误';
          error.hidden = false;
          return;
        }
        localStorage.setItem(KEY, JSON.stringify({ account: account, at: Date.now() }));
        location.href = 'home.html';
      });
    },
    homePage: function () {
      var session = localStorage.getItem(KEY);
      if (!session) {
        location.replace('login.html');
        return;
      }
      document.getElementById('who').textContent = JSON.parse(session).account;
      document.getElementById('logout').addEventListener('click', function () {
        localStorage.removeItem(KEY);
        location.href = 'login.html';
      });
      var apply = document.getElementById('apply');
      function route() {
        apply.hidden = location.hash !== '#/apply';
      }
      window.addEventListener('hashchange', route);
      route();
      document.getElementById('save').addEventListener('click', function () {
        document.getElementById('saved').hidden = false;
      });
    },
  };
})();
