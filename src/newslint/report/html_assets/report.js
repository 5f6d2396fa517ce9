/* newslint HTML report: popups, related-location jumps, filters and keyboard navigation.
   Every text from the data is inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nl-data").textContent);
  var F = data.findings;
  var pop = document.getElementById("pop");
  var RANK = { info: 0, warning: 1, error: 2 };
  var hidden = {};
  var pinned = false, hoverTimer = null, hideTimer = null, shownFor = null, cursor = -1;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function idsOf(node, attr) {
    var v = node.getAttribute(attr);
    return v ? v.split(" ") : [];
  }
  function basename(p) { return String(p).split(/[\\/]/).pop(); }
  function toArray(list) { return Array.prototype.slice.call(list); }
  function segsOfFinding(id) { return toArray(document.querySelectorAll('.hl[data-f~="' + id + '"]')); }
  function segsOfTarget(t) { return toArray(document.querySelectorAll('[data-t~="' + t + '"]')); }
  function visibleIds(seg) { return idsOf(seg, "data-f").filter(function (id) { return !hidden[id]; }); }

  function openAncestors(node) {
    for (var p = node.parentElement; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
  }
  function flash(nodes) {
    nodes.forEach(function (n) { n.classList.remove("flash"); void n.offsetWidth; n.classList.add("flash"); });
    setTimeout(function () { nodes.forEach(function (n) { n.classList.remove("flash"); }); }, 2100);
  }
  function go(nodes) {
    if (!nodes.length) return false;
    openAncestors(nodes[0]);
    nodes[0].scrollIntoView({ block: "center", inline: "nearest" });
    flash(nodes);
    return true;
  }

  // ---- popup ----
  function fill(fids) {
    pop.textContent = "";
    var close = el("button", "close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "关闭");
    close.addEventListener("click", function (ev) { ev.stopPropagation(); hidePop(); });
    pop.appendChild(close);
    fids.forEach(function (id) {
      var f = F[id];
      var box = el("div", "pf s-" + f.sev);
      box.setAttribute("data-f", String(id));
      var head = el("div", "ph");
      head.appendChild(el("span", "chip c-" + f.cat, data.categories[f.cat] || f.cat));
      head.appendChild(el("span", "sev s-" + f.sev, data.severities[f.sev] || f.sev));
      head.appendChild(el("code", "rule", f.rule));
      box.appendChild(head);
      box.appendChild(el("p", "msg", f.msg));
      if (f.sug !== null && f.sug !== undefined && f.sug !== "") {
        var p = el("p", "sug");
        p.appendChild(el("b", null, "建议："));
        p.appendChild(el("span", "v", f.sug));
        box.appendChild(p);
      }
      if (f.rel.length) {
        box.appendChild(el("div", "rl", "相关位置："));
        var ul = el("ul", "rel");
        f.rel.forEach(function (r) {
          var li = el("li");
          var label = (r.path === f.path ? "本页" : basename(r.path)) + " 第" + r.line + "行" +
            (r.archive ? "（存档）" : "");
          if (r.t) {
            var a = el("a", "go", label);
            a.href = "#" + r.t;
            a.setAttribute("data-go", r.t);
            li.appendChild(a);
          } else {
            li.appendChild(el("span", null, label + "（页面不在本报告中）"));
          }
          if (r.msg) li.appendChild(el("span", "rm", " " + r.msg));
          if (r.text && (!r.msg || r.msg.indexOf(r.text) < 0)) li.appendChild(el("q", null, r.text));
          ul.appendChild(li);
        });
        box.appendChild(ul);
      }
      var rule = data.rules[f.rule];
      if (rule && rule.summary) box.appendChild(el("p", "rs", "规则：" + rule.summary + "（详见 newslint rule " + f.rule + "）"));
      pop.appendChild(box);
    });
  }
  function place(anchor) {
    pop.hidden = false;
    if (window.matchMedia("(max-width: 820px)").matches) { pop.style.left = ""; pop.style.top = ""; return; }
    var r = anchor.getBoundingClientRect();
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, vw - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight && r.top - h - 6 > 0) top = r.top - h - 6;
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (top + window.scrollY) + "px";
  }
  function showPop(seg, fids, pin) {
    if (!fids.length) return;
    clearTimeout(hideTimer);
    unmark();
    shownFor = segsOfFinding(fids[0]);
    if (shownFor.indexOf(seg) < 0) shownFor.push(seg);
    shownFor.forEach(function (s) { s.classList.add("cur"); });
    fill(fids);
    place(seg);
    pinned = !!pin;
  }
  function hidePop() {
    pop.hidden = true;
    pinned = false;
    unmark();
  }
  function unmark() {
    if (shownFor) shownFor.forEach(function (s) { s.classList.remove("cur"); });
    shownFor = null;
  }
  function showFinding(id) {
    var segs = segsOfFinding(id);
    if (!segs.length) {
      var a = document.getElementById("f" + id);
      if (a) { openAncestors(a); a.scrollIntoView({ block: "center" }); }
      return;
    }
    go(segs);
    showPop(segs[0], [String(id)], true);
  }

  // ---- events ----
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var goer = t.closest && t.closest("[data-go]");
    if (goer) {
      ev.preventDefault();
      var v = goer.getAttribute("data-go");
      if (v.charAt(0) === "t") {
        hidePop();
        go(segsOfTarget(v));
      } else {
        closePanelOnPhone();
        cursor = Number(v);
        showFinding(v);
      }
      if (history.replaceState) history.replaceState(null, "", "#" + (v.charAt(0) === "t" ? v : "f" + v));
      return;
    }
    var seg = t.closest && t.closest(".hl");
    if (seg) {
      var ids = visibleIds(seg);
      if (ids.length) { cursor = Number(ids[0]); showPop(seg, ids, true); }
      return;
    }
    if (!pop.hidden && !pop.contains(t)) hidePop();
  });
  document.addEventListener("mouseover", function (ev) {
    var seg = ev.target.closest && ev.target.closest(".hl");
    if (!seg || pinned) return;
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () {
      if (!pinned) showPop(seg, visibleIds(seg), false);
    }, 120);
  });
  document.addEventListener("mouseout", function (ev) {
    var seg = ev.target.closest && ev.target.closest(".hl");
    if (!seg) return;
    clearTimeout(hoverTimer);
    if (!pinned) hideTimer = setTimeout(function () { if (!pinned) hidePop(); }, 250);
  });
  pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  pop.addEventListener("mouseleave", function () { if (!pinned) hideTimer = setTimeout(hidePop, 250); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { hidePop(); return; }
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") return;
    if (ev.key === "Enter" && ev.target.classList && ev.target.classList.contains("hl")) {
      showPop(ev.target, visibleIds(ev.target), true);
      return;
    }
    if (ev.key !== "j" && ev.key !== "k") return;
    var step = ev.key === "j" ? 1 : -1;
    for (var n = 0, i = cursor < 0 ? (step > 0 ? -1 : 0) : cursor; n < F.length; n++) {
      i = (i + step + F.length) % F.length;
      if (!hidden[i] && F[i].drawn) { cursor = i; showFinding(i); break; }
    }
  });

  // ---- side panel: phone toggle and filters ----
  var panel = document.getElementById("panel");
  var toggle = document.getElementById("panel-toggle");
  function closePanelOnPhone() {
    if (toggle && getComputedStyle(toggle).display !== "none") {
      panel.classList.remove("open");
      toggle.setAttribute("aria-expanded", "false");
    }
  }
  if (toggle) toggle.addEventListener("click", function () {
    var open = panel.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });

  function checked(name) {
    var out = {};
    toArray(document.querySelectorAll('input[name="' + name + '"]')).forEach(function (i) { if (i.checked) out[i.value] = true; });
    return out;
  }
  function restyle(seg) {
    var pt = seg.classList.contains("pt") ? " pt" : "";
    var ids = visibleIds(seg);
    if (!ids.length) { seg.className = "hl off" + pt; return; }
    ids.sort(function (a, b) {
      return (F[a].len - F[b].len) || (RANK[F[b].sev] - RANK[F[a].sev]) || (a - b);
    });
    var sev = ids.reduce(function (s, id) { return RANK[F[id].sev] > RANK[s] ? F[id].sev : s; }, "info");
    seg.className = "hl c-" + F[ids[0]].cat + " s-" + sev + (ids.length > 1 ? " multi" : "") + pt;
  }
  var ruleSel = document.getElementById("rule-filter");
  function applyFilters() {
    var cats = checked("cat"), sevs = checked("sev"), rule = ruleSel ? ruleSel.value : "";
    hidden = {};
    F.forEach(function (f) {
      if (!cats[f.cat] || !sevs[f.sev] || (rule && f.rule !== rule)) hidden[f.id] = true;
    });
    // the list, and the footnotes of a print-out, follow the filters (uncheck 标点 before printing)
    toArray(document.querySelectorAll("li.it, .notes li, sup.fn")).forEach(function (n) {
      n.hidden = !!hidden[n.getAttribute("data-f")];
    });
    toArray(document.querySelectorAll(".hl")).forEach(restyle);
    toArray(document.querySelectorAll(".list details")).forEach(function (d) {
      var n = d.querySelectorAll("li.it:not([hidden])").length;
      var c = d.querySelector("summary .cnt");
      if (c) c.textContent = String(n);
      d.hidden = n === 0;
    });
    if (shownFor) hidePop();
  }
  toArray(document.querySelectorAll(".filters input, .filters select")).forEach(function (i) {
    i.addEventListener("change", applyFilters);
  });

  // ---- a link to #fN or #tN opens there ----
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (/^f\d+$/.test(h)) { cursor = Number(h.slice(1)); showFinding(h.slice(1)); }
    else if (/^t\d+$/.test(h)) go(segsOfTarget(h));
  }
  window.addEventListener("hashchange", fromHash);
  if (location.hash) fromHash();
})();
