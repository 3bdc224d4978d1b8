// The chat page: sends what the person types to /api/messages and shows the replies.
(function () {
  const log = document.getElementById("conversation");
  const form = document.getElementById("message-form");
  const input = document.getElementById("message");

  function show(text, who) {
    const p = document.createElement("p");
    p.className = who;
    p.textContent = text;
    log.appendChild(p);
    return p;
  }

  function showButtons(buttons) {
    const group = document.createElement("div");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Choices");
    buttons.forEach(function (b) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", function () { send(b.payload, b.title); });
      group.appendChild(button);
    });
    log.appendChild(group);
  }

  async function send(text, shown) {
    show(shown || text, "you");
    try {
      const reply = await fetch("/api/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ message: text }),
      });
      const messages = reply.ok ? await reply.json() : [{ text: await reply.text() }];
      messages.forEach(function (m) {
        if (m.text) show(m.text, "bot");
        if (m.buttons) showButtons(m.buttons);
      });
    } catch (e) {
      show("Sorry, I can't reply just now. Please try again in a minute.", "bot");
    }
    input.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });

  send("hello", "Hello");
})();
