import { SafeHtml } from "../html/html.js";

/**
 * The console's only script: buttons and forms call the control API with `fetch`, then reload
 * the page. A button's `data-body` (JSON) is sent as its body; a `form[data-call]` sends its named
 * fields and the pressed button's name=value as one JSON object (numbers for `type=number`), once. Inline and constant, so the console works offline and with no build step.
 */
export const CONSOLE_SCRIPT = new SafeHtml(`<script>
async function control(method, path, body) {
  const init = { method };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    alert(method + " " + path + " failed (" + response.status + "):\\n" + (await response.text()));
    return;
  }
  location.reload();
}
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-call]");
  if (!button) return;
  if (button.dataset.confirm && !confirm(button.dataset.confirm)) return;
  const body = button.dataset.body ? JSON.parse(button.dataset.body) : undefined;
  control(button.dataset.method || "POST", button.dataset.call, body);
});
// A form with data-call sends its fields (and the pressed button's name=value) as a JSON object,
// numbers for type=number.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-call]");
  if (!form) return;
  event.preventDefault();
  const body = {};
  for (const [name, value] of new FormData(form, event.submitter)) {
    const field = form.elements.namedItem(name);
    body[name] = field && field.type === "number" ? Number(value) : value;
  }
  control(form.dataset.method || "POST", form.dataset.call, body);
});
document.getElementById("fault-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const spec = { system: form.get("system"), kind: form.get("kind") };
  for (const name of ["match", "message"]) {
    if (form.get(name)) spec[name] = form.get(name);
  }
  for (const name of ["latencyMs", "status", "times"]) {
    if (form.get(name)) spec[name] = Number(form.get(name));
  }
  control("POST", "/__control/faults", spec);
});
document.getElementById("webhook-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new FormData(event.target).get("url");
  control("PUT", "/__control/webhook", { url: url ? url : null });
});
</script>`);
