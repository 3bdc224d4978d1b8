// The chat page: restores the conversation so far (/api/history), sends what the person types or
// chooses to /api/messages, shows the replies and their choices, and keeps the running budget
// (/api/budget) up to date once a plan exists. New messages are announced by the log's live region.
// The conversation cookie is HttpOnly: the server replaces it at the identity check and ends it
// after a spell without messages (then a reply says so, and reloading starts a new conversation).
(function () {
  "use strict";
  var log = document.getElementById("conversation");
  var form = document.getElementById("message-form");
  var input = document.getElementById("message");
  var sendButton = form.querySelector("button[type=submit]");
  var status = document.getElementById("chat-status");
  var busy = false;

  function addMessage(text, who) {
    var box = document.createElement("div");
    box.className = "govuk-body chat-message chat-message--" + who;
    var label = document.createElement("span");
    label.className = "chat-message__who";
    label.textContent = who === "you" ? "You" : "Assistant";
    var body = document.createElement("span");
    body.className = "chat-message__text";
    body.textContent = text;
    box.appendChild(label);
    box.appendChild(body);
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
  }

  function removeChoices() {
    var old = log.querySelectorAll(".chat-choices");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
  }

  function addChoices(buttons) {
    var group = document.createElement("div");
    group.className = "chat-choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Choices");
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "govuk-button govuk-button--secondary";
      button.textContent = b.title;
      button.addEventListener("click", function () { send(b.payload, b.title); });
      group.appendChild(button);
    });
    log.appendChild(group);
    log.scrollTop = log.scrollHeight;
  }

  function showReplies(messages) {
    messages.forEach(function (m) {
      if (m.text) addMessage(m.text, "bot");
      if (m.buttons && m.buttons.length) addChoices(m.buttons);
    });
  }

  function setBusy(on) {
    busy = on;
    sendButton.disabled = on;
    sendButton.setAttribute("aria-disabled", on ? "true" : "false");
    status.textContent = on ? "The assistant is replying…" : "";
  }

  function showBudget(plan) {
    var panel = document.getElementById("budget");
    if (!plan) { panel.hidden = true; return; }
    document.getElementById("budget-weekly").textContent = plan.weekly;
    document.getElementById("budget-spent").textContent = plan.spent + " a week";
    document.getElementById("budget-left-label").textContent = plan.over_budget ? "Over budget by" : "Left";
    document.getElementById("budget-left").textContent = plan.left + " a week";
    document.getElementById("plan-link").href = plan.document_url;
    panel.hidden = false;
  }

  function refreshBudget() {
    return fetch("/api/budget", { credentials: "same-origin" })
      .then(function (reply) { return reply.ok ? reply.json() : { plan: null }; })
      .then(function (body) { showBudget(body.plan); })
      .catch(function () { /* the panel keeps its last figures */ });
  }

  // `quiet`: the page's own greeting, which leaves the focus where it is (at the top of the page)
  function send(text, shown, quiet) {
    if (busy) return;
    removeChoices();
    addMessage(shown || text, "you");
    setBusy(true);
    fetch("/api/messages", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ message: text }),
    })
      .then(function (reply) {
        return reply.ok ? reply.json() : reply.text().then(function (t) { return [{ text: t }]; });
      })
      .catch(function () {
        return [{ text: "Sorry, I can't reply just now. Please try again in a minute. Nothing you told me has been lost." }];
      })
      .then(function (messages) {
        showReplies(messages);
        setBusy(false);
        if (!quiet) input.focus();
        return refreshBudget();
      });
  }

  function restore() {
    log.setAttribute("aria-busy", "true");
    return fetch("/api/history", { credentials: "same-origin" })
      .then(function (reply) { return reply.ok ? reply.json() : { messages: [] }; })
      .catch(function () { return { messages: [] }; })
      .then(function (body) {
        var messages = body.messages || [];
        messages.forEach(function (m) { addMessage(m.text, m.who); });
        var last = messages[messages.length - 1];
        if (last && last.who === "bot" && last.buttons.length) addChoices(last.buttons);
        log.setAttribute("aria-busy", "false");
        if (body.notice) status.textContent = body.notice;
        if (messages.length) {
          status.textContent = "Welcome back. Your conversation so far is shown above.";
          return refreshBudget();
        }
        send("hello", "Hello", true);
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    send(text);
  });

  restore();
})();
