/*
 * Runs the page script live.js in a small fake DOM (no jsdom: the build stays offline) and prints what it did as
 * JSON, for LiveScriptTest to check. Usage: node live-harness.js LIVE_JS SCENARIO_JSON
 *
 * The scenario: {"answer": {"status": 200, "statusText": "", "body": <the ./state JSON> | "reject": "reason"},
 *                "sections": 1, "click": <index of the button to click, in document order, or null>}
 * The output: {"before": tree, "fetches": [...], "after": tree, "dialogs": [...], "forms": [...],
 *              "created": [tag...], "htmlSinks": [...]}
 * where a tree node is {"tag", "attrs": {...}, "children": [...]} and a text node {"text"}. Any use of an HTML sink
 * (innerHTML, outerHTML, insertAdjacentHTML, document.write) is recorded in htmlSinks and never parsed.
 */
"use strict";
const fs = require("fs");
const vm = require("vm");

const [livePath, scenarioPath] = process.argv.slice(2);
const scenario = JSON.parse(fs.readFileSync(scenarioPath, "utf8"));
const created = [];
const htmlSinks = [];
const fetches = [];
const dialogs = [];
const forms = [];

function kebab(camel) {
  return "data-" + camel.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

class Text {
  constructor(text) {
    this.nodeType = 3;
    this.data = String(text);
    this.parentNode = null;
  }
  get textContent() {
    return this.data;
  }
}

// Properties the script sets that are attributes in a real DOM.
const REFLECTED = { className: "class", title: "title", href: "href", type: "type", method: "method", action: "action",
  name: "name", value: "value" };

class Element {
  constructor(tag) {
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.attrs = {};
    this.childNodes = [];
    this.parentNode = null;
    this.listeners = {};
    const self = this;
    this.dataset = new Proxy({}, {
      get: (t, k) => (typeof k === "string" ? self.attrs[kebab(k)] : undefined),
      set: (t, k, v) => {
        self.attrs[kebab(k)] = String(v);
        return true;
      },
      has: (t, k) => kebab(k) in self.attrs
    });
    this.classList = {
      contains: (c) => (self.attrs["class"] || "").split(/\s+/).includes(c),
      add: (c) => {
        if (!self.classList.contains(c)) {
          self.attrs["class"] = ((self.attrs["class"] || "") + " " + c).trim();
        }
      },
      remove: (c) => {
        self.attrs["class"] = (self.attrs["class"] || "").split(/\s+/).filter((x) => x && x !== c).join(" ");
      }
    };
  }
  setAttribute(k, v) {
    this.attrs[k] = String(v);
  }
  getAttribute(k) {
    return k in this.attrs ? this.attrs[k] : null;
  }
  appendChild(child) {
    if (child.parentNode) {
      child.parentNode.childNodes = child.parentNode.childNodes.filter((c) => c !== child);
    }
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join("");
  }
  set textContent(v) {
    this.childNodes.forEach((c) => (c.parentNode = null));
    this.childNodes = [];
    if (v !== "" && v !== null && v !== undefined) {
      this.appendChild(new Text(v));
    }
  }
  set innerHTML(v) {
    htmlSinks.push({ sink: "innerHTML", tag: this.tagName, value: String(v) });
  }
  get innerHTML() {
    throw new Error("innerHTML read: not supported by the fake DOM");
  }
  set outerHTML(v) {
    htmlSinks.push({ sink: "outerHTML", tag: this.tagName, value: String(v) });
  }
  insertAdjacentHTML(pos, v) {
    htmlSinks.push({ sink: "insertAdjacentHTML", tag: this.tagName, value: String(v) });
  }
  addEventListener(type, fn) {
    (this.listeners[type] = this.listeners[type] || []).push(fn);
  }
  click() {
    (this.listeners.click || []).forEach((fn) => fn.call(this, { type: "click", target: this }));
  }
  submit() {
    forms.push({ attrs: Object.assign({}, this.attrs), inputs: this.childNodes.filter((c) => c.nodeType === 1)
      .map((c) => Object.assign({}, c.attrs)), attached: isAttached(this) });
  }
  querySelectorAll(selector) {
    const m = /^([a-z]*)(?:\[([a-z-]+)\])?$/.exec(selector);
    if (!m) {
      throw new Error("selector not supported by the fake DOM: " + selector);
    }
    const out = [];
    const walk = (n) => n.childNodes.forEach((c) => {
      if (c.nodeType === 1) {
        if ((!m[1] || c.tagName === m[1].toUpperCase()) && (!m[2] || m[2] in c.attrs)) {
          out.push(c);
        }
        walk(c);
      }
    });
    walk(this);
    return out;
  }
  querySelector(selector) {
    return this.querySelectorAll(selector)[0] || null;
  }
}
for (const [prop, attr] of Object.entries(REFLECTED)) {
  Object.defineProperty(Element.prototype, prop, {
    get() {
      return this.attrs[attr] || "";
    },
    set(v) {
      this.attrs[attr] = String(v);
    }
  });
}

function isAttached(n) {
  while (n) {
    if (n === documentElement) {
      return true;
    }
    n = n.parentNode;
  }
  return false;
}

function tree(n) {
  if (n.nodeType === 3) {
    return { text: n.data };
  }
  return { tag: n.tagName.toLowerCase(), attrs: Object.assign({}, n.attrs), children: n.childNodes.map(tree) };
}

function el(tag, attrs, children) {
  const e = new Element(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  (children || []).forEach((c) => e.appendChild(typeof c === "string" ? new Text(c) : c));
  return e;
}

// The page as summary.jelly renders it (Jenkins under /jenkins), with the crumb on <head> as Jenkins puts it.
const documentElement = el("html", { lang: "en" });
const head = documentElement.appendChild(el("head", { "data-rooturl": "/jenkins", "data-crumb-header": "Jenkins-Crumb",
  "data-crumb-value": "c0ffee\"<crumb>" }));
const body = documentElement.appendChild(el("body"));
const live = body.appendChild(el("div", { class: "ecr-live", "data-ecr-state": "/jenkins/job/app/11/ecr-promotion/state",
  "data-ecr-post": "/jenkins/job/app/11/ecr-promotion/", "data-ecr-root": "/jenkins",
  "data-ecr-unavailable": "state unavailable", "data-ecr-copy": "Copy", "data-ecr-copied": "Copied" }));
for (let i = 0; i < (scenario.sections || 1); i++) {
  live.appendChild(el("div", { "data-ecr-section": String(i), class: "ecr-reading" }, ["reading\u2026"]));
}

const document = {
  readyState: "complete",
  documentElement,
  head,
  body,
  createElement: (tag) => {
    created.push(String(tag).toLowerCase());
    return new Element(String(tag));
  },
  createTextNode: (t) => new Text(t),
  querySelectorAll: (s) => documentElement.querySelectorAll(s),
  querySelector: (s) => documentElement.querySelector(s),
  addEventListener: () => {},
  write: (v) => htmlSinks.push({ sink: "document.write", value: String(v) })
};

let answer;
const answered = new Promise((resolve) => (answer = resolve));
function fetch(url, options) {
  fetches.push({ url: String(url), options: options || {} });
  return answered.then(() => {
    const a = scenario.answer;
    if (a.reject) {
      throw new TypeError(a.reject);
    }
    return { ok: a.status >= 200 && a.status < 300, status: a.status, statusText: a.statusText || "",
      json: () => Promise.resolve(JSON.parse(JSON.stringify(a.body))) };
  });
}

const window = {
  // Jenkins' dialog: title and message as text, okText written into the button as HTML (recorded as given).
  dialog: {
    confirm: (title, options) => {
      dialogs.push({ title, options });
      return Promise.resolve(true);
    }
  },
  confirm: () => {
    throw new Error("window.confirm used although Jenkins' dialog exists");
  }
};
const context = { window, document, fetch, navigator: {}, Promise, Date, Intl, Math, String, Number, Error, TypeError,
  isNaN, console };
window.window = window;
window.document = document;
vm.createContext(context);

async function settle() {
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setImmediate(r));
  }
}

(async () => {
  vm.runInContext(fs.readFileSync(livePath, "utf8"), context, { filename: livePath });
  const before = tree(documentElement);
  const fetchesBefore = fetches.slice();
  answer();
  await settle();
  const after = tree(documentElement);
  if (scenario.click !== undefined && scenario.click !== null) {
    const buttons = documentElement.querySelectorAll("button").filter((b) => !b.classList.contains("ecr-copy"));
    if (!buttons[scenario.click]) {
      throw new Error("no button " + scenario.click + " of " + buttons.length);
    }
    buttons[scenario.click].click();
    await settle();
  }
  process.stdout.write(JSON.stringify({ before, fetches: fetchesBefore, after, dialogs, forms, created, htmlSinks }));
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
