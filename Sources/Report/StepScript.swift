/// The page's only script: stepping (arrow keys, the scrubber, the buttons, `#step=N`), the
/// chart's cursor, and the ring's messages in flight. Plain ES5, inline, nothing fetched.
enum StepScript {
    static let javascript = """
        (function () {
          var steps = document.querySelectorAll('.step'), n = steps.length, cur = 0;
          if (!n) return;
          var scrub = document.getElementById('scrub'), label = document.getElementById('step-label');
          var cursor = document.getElementById('cursor'), layer = document.getElementById('ring-msgs');
          var dataNode = document.getElementById('ring-data');
          var data = dataNode ? JSON.parse(dataNode.textContent) : null;
          var svgNS = 'http://www.w3.org/2000/svg', start = 0, msgs = [], duration = 2000, dots = [];
          function kindClass(kind) {
            if (/^(pre)?[vV]ote$/.test(kind)) return 'm-vote';
            if (/Response$/.test(kind)) return 'm-response';
            if (kind === 'heartbeat') return 'm-heartbeat';
            return 'm-append';
          }
          function node(k) {
            var g = document.getElementById('rn-' + k);
            return g ? { x: +g.getAttribute('data-x'), y: +g.getAttribute('data-y') } : null;
          }
          function ring(i) {
            if (!data || !data.steps[i]) return;
            var st = data.steps[i];
            for (var k = 0; k < st.r.length; k++) {
              var g = document.getElementById('rn-' + k), t = document.getElementById('rt-' + k);
              if (g) g.setAttribute('class', 'rn rn-' + st.r[k][0]);
              if (t) t.textContent = t.textContent.replace(/\\d+$/, st.r[k][1]);
            }
            msgs = st.m;
            duration = Math.max(1500, Math.min(8000, st.w * 0.4));
            start = 0;
            while (layer && layer.firstChild) layer.removeChild(layer.firstChild);
            dots = [];
            for (var j = 0; j < msgs.length && layer; j++) {
              var c = document.createElementNS(svgNS, 'circle');
              c.setAttribute('r', '7');
              c.setAttribute('class', 'msg ' + (msgs[j][4] ? 'm-dropped' : kindClass(data.kinds[msgs[j][3]])));
              c.style.display = 'none';
              layer.appendChild(c);
              dots.push(c);
            }
          }
          function frame(now) {
            if (!start) start = now;
            var travel = 700, w = data.steps[cur - 1].w, p = (now - start) % (duration + travel + 400);
            for (var j = 0; j < msgs.length; j++) {
              var m = msgs[j], at = (w > 0 ? m[0] / w : 1) * duration + travel, a = node(m[1]), b = node(m[2]);
              var f = (p - (at - travel)) / travel;
              if (!a || !b || f < 0 || f > 1) { dots[j].style.display = 'none'; continue; }
              if (m[4]) f = Math.min(f, 0.5);
              dots[j].style.display = '';
              dots[j].setAttribute('cx', a.x + (b.x - a.x) * f);
              dots[j].setAttribute('cy', a.y + (b.y - a.y) * f);
            }
            window.requestAnimationFrame(frame);
          }
          function show(i) {
            i = Math.max(1, Math.min(n, i | 0));
            for (var k = 0; k < n; k++) { steps[k].hidden = true; steps[k].className = 'step'; }
            cur = i;
            var s = steps[i - 1];
            s.hidden = false;
            s.className = 'step current';
            scrub.value = i;
            label.textContent = label.getAttribute('data-word') + ' ' + i + ' ' + label.getAttribute('data-of') + ' ' + n;
            if (cursor) { cursor.setAttribute('x1', s.getAttribute('data-x')); cursor.setAttribute('x2', s.getAttribute('data-x')); }
            var rows = document.querySelectorAll('tr[data-step]');
            for (var r = 0; r < rows.length; r++) {
              rows[r].classList.toggle('current-row', +rows[r].getAttribute('data-step') === i);
            }
            ring(i - 1);
            try { history.replaceState(null, '', '#step=' + i); } catch (err) { /* a browser that keeps file: pages read-only */ }
          }
          function fromHash() { var m = /step=(\\d+)/.exec(location.hash); return m ? +m[1] : 1; }
          document.addEventListener('keydown', function (e) {
            var t = e.target;
            if (t === scrub || (t && t.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter'))) return;
            if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown' || e.key === ' ') show(cur + 1);
            else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') show(cur - 1);
            else if (e.key === 'Home') show(1);
            else if (e.key === 'End') show(n);
            else return;
            e.preventDefault();
          });
          scrub.addEventListener('input', function () { show(+scrub.value); });
          document.getElementById('prev').addEventListener('click', function () { show(cur - 1); });
          document.getElementById('next').addEventListener('click', function () { show(cur + 1); });
          window.addEventListener('hashchange', function () { if (fromHash() !== cur) show(fromHash()); });
          show(fromHash());
          if (layer && data && window.requestAnimationFrame) window.requestAnimationFrame(frame);
        })();
        """
}
