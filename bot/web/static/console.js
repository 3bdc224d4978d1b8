// The adviser's live view: while a plan is being made, fetch the plan and the conversation
// again every few seconds and put them in place. Focus and scroll position are kept.
(function () {
  "use strict";
  var status = document.getElementById("live-status");
  if (!status) return;
  var url = status.getAttribute("data-live-url");
  var seconds = Number(status.getAttribute("data-refresh"));
  var plan = document.getElementById("live-plan");
  var transcript = document.getElementById("live-transcript");

  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (reply) {
        if (!reply.ok) throw new Error("HTTP " + reply.status);
        return reply.json();
      })
      .then(function (parts) {
        if (plan.innerHTML !== parts.plan_html) plan.innerHTML = parts.plan_html;
        if (transcript.innerHTML !== parts.transcript_html) {
          var atEnd = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 5;
          transcript.innerHTML = parts.transcript_html;
          if (atEnd) transcript.scrollTop = transcript.scrollHeight;
        }
        var stamp = new Date().toLocaleTimeString("en-GB");
        status.textContent = parts.refresh
          ? "This page updates by itself while the plan is being made. Last checked at " + stamp + "."
          : "The plan has been sent. Reload the page to see changes.";
        if (parts.refresh) window.setTimeout(refresh, parts.refresh * 1000);
      })
      .catch(function () {
        status.textContent = "Could not check for changes. Reload the page to try again.";
      });
  }

  transcript.scrollTop = transcript.scrollHeight;
  if (seconds > 0) window.setTimeout(refresh, seconds * 1000);
})();
