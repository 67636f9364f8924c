/*
 * ECR Promotion page script (an adjunct: no inline script, CSP-friendly). For each element with data-ecr-state it
 * fetches that JSON (see io.jenkins.plugins.ecrpromotion.pages.LiveView for its shape) after the page has loaded and
 * renders section i into the element with data-ecr-section="i": the page itself never waits for a registry. Every
 * text goes in as a text node, never as HTML. It also shows every <time data-ecr-local> in the viewer's time zone
 * (UTC stays on hover). A button asks in Jenkins' dialog, whose confirm button says what it does, then posts a form
 * with the CSRF crumb; the server answers with a redirect back to this page (nothing is re-posted on reload).
 */
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** "2026-11-29 23:11:46 UTC+01:00" in the viewer's zone, or null for an unreadable time. */
  function localTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) {
      return null;
    }
    var off = -d.getTimezoneOffset();
    var sign = off >= 0 ? "+" : "-";
    off = Math.abs(off);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" +
      pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + " UTC" + sign + pad(Math.floor(off / 60)) + ":" + pad(off % 60);
  }

  var UNITS = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];

  /** "3 hours ago" in the browser's language, or null where Intl.RelativeTimeFormat is missing. */
  function ago(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime()) || typeof Intl === "undefined" || !Intl.RelativeTimeFormat) {
      return null;
    }
    var seconds = Math.round((d.getTime() - Date.now()) / 1000);
    var rtf = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: "auto" });
    for (var i = 0; i < UNITS.length; i++) {
      if (Math.abs(seconds) >= UNITS[i][1] || UNITS[i][0] === "second") {
        return rtf.format(Math.round(seconds / UNITS[i][1]), UNITS[i][0]);
      }
    }
    return null;
  }

  function localizeTimes(root) {
    root.querySelectorAll("time[data-ecr-local]").forEach(function (t) {
      var s = localTime(t.getAttribute("datetime"));
      if (s) {
        t.textContent = s;
      }
    });
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function post(url) {
    var form = el("form");
    form.method = "post";
    form.action = url;
    var head = document.head.dataset;
    if (head.crumbHeader && head.crumbValue) {
      var crumb = el("input");
      crumb.type = "hidden";
      crumb.name = head.crumbHeader;
      crumb.value = head.crumbValue;
      form.appendChild(crumb);
    }
    document.body.appendChild(form);
    form.submit();
  }

  function buttonEl(b, postBase) {
    var button = el("button", "jenkins-button" + (b.destructive ? " jenkins-button--destructive" : ""), b.label);
    button.type = "button";
    button.addEventListener("click", function () {
      var url = postBase + b.post;
      if (window.dialog && typeof window.dialog.confirm === "function") {
        window.dialog.confirm(b.label, {
          message: b.message,
          // Jenkins writes okText into the button as HTML (the title and message as text): escaped here.
          okText: escapeHtml(b.label),
          type: b.destructive ? "destructive" : "default"
        }).then(function () {
          post(url);
        }, function () {});
      } else if (window.confirm(b.label + "\n\n" + b.message)) {
        post(url);
      }
    });
    return button;
  }

  function copyEl(value, box) {
    var button = el("button", "jenkins-button jenkins-button--tertiary ecr-copy", "\u29c9");
    button.type = "button";
    button.title = box.dataset.ecrCopy || "Copy";
    button.setAttribute("aria-label", button.title);
    button.addEventListener("click", function () {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(value).then(function () {
          if (window.notificationBar) {
            window.notificationBar.show(box.dataset.ecrCopied || "Copied", window.notificationBar.SUCCESS);
          }
        });
      }
    });
    return button;
  }

  function cellEl(c, box, postBase) {
    var td = el("td");
    if (c.time) {
      // "how long ago" where the page asks for it, with the viewer's local time and UTC on hover
      var local = localTime(c.time) || c.text;
      var t = el("time", null, (c.ago && ago(c.time)) || local);
      t.setAttribute("datetime", c.time);
      t.title = c.ago ? local + " (" + (c.title || "") + ")" : (c.title || "");
      td.appendChild(t);
    } else if (c.text) {
      var holder = c.href ? el("a") : el("span");
      if (c.href) {
        holder.href = (box.dataset.ecrRoot || "") + "/" + c.href;
      }
      holder.appendChild(el(c.code ? "code" : "span", "ecr-wrap", c.text));
      if (c.title) {
        holder.title = c.title;
      }
      td.appendChild(holder);
      if (c.note) {
        td.appendChild(document.createTextNode(" " + c.note));
      }
      if (c.copy) {
        td.appendChild(copyEl(c.copy, box));
      }
    }
    (c.buttons || []).forEach(function (b) {
      td.appendChild(buttonEl(b, postBase));
    });
    if (c.buttons) {
      td.className = "ecr-actions";
    }
    return td;
  }

  function renderSection(target, s, box) {
    var postBase = box.dataset.ecrPost || "";
    target.textContent = "";
    target.classList.remove("ecr-reading");
    if (s.unavailable) {
      target.appendChild(el("div", "alert alert-warning", s.unavailable));
      return;
    }
    var table = el("table", "jenkins-table jenkins-table--small ecr-table");
    var headRow = el("tr");
    (s.columns || []).forEach(function (c) {
      headRow.appendChild(el("th", null, c));
    });
    table.appendChild(el("thead")).appendChild(headRow);
    var body = table.appendChild(el("tbody"));
    (s.rows || []).forEach(function (row) {
      var tr = body.appendChild(el("tr"));
      row.forEach(function (c) {
        tr.appendChild(cellEl(c, box, postBase));
      });
    });
    target.appendChild(table);
    (s.warnings || []).forEach(function (w) {
      target.appendChild(el("div", "alert alert-warning", w));
    });
    if (s.buttons && s.buttons.length) {
      var bar = target.appendChild(el("div", "ecr-actions"));
      s.buttons.forEach(function (b) {
        bar.appendChild(buttonEl(b, postBase));
      });
    }
  }

  function fail(box, reason) {
    box.querySelectorAll("[data-ecr-section]").forEach(function (target) {
      target.classList.remove("ecr-reading");
      target.textContent = "";
      target.appendChild(el("div", "alert alert-warning", (box.dataset.ecrUnavailable || "state unavailable") + ": " + reason));
    });
  }

  function load(box) {
    fetch(box.dataset.ecrState, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (rsp) {
        if (!rsp.ok) {
          throw new Error("HTTP " + rsp.status + (rsp.statusText ? " " + rsp.statusText : ""));
        }
        return rsp.json();
      })
      .then(function (json) {
        var sections = json.sections || [];
        box.querySelectorAll("[data-ecr-section]").forEach(function (target) {
          var s = sections[Number(target.dataset.ecrSection)];
          if (s) {
            renderSection(target, s, box);
          }
        });
      })
      .catch(function (e) {
        fail(box, e && e.message ? e.message : String(e));
      });
  }

  function init() {
    localizeTimes(document);
    document.querySelectorAll("[data-ecr-state]").forEach(function (box) {
      if (!box.dataset.ecrLoaded) {
        box.dataset.ecrLoaded = "true";
        load(box);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
