// The zelfscan (/zelfscan/): save on this device, download as a file, open a file again.
//
// Nothing is sent anywhere and nothing is stored until the reader presses "Bewaren op dit
// apparaat" (localStorage, this site only); "Verwijderen van dit apparaat" removes it again.
// A download is made in the browser (a Blob URL), so no server is involved. Without this
// script the page is a blank checklist to print. Each point is a <fieldset> whose id is
// "<omgeving>--<punt>--punt"; its fields are "<omgeving>--<punt>--status|verantwoordelijk|notitie".
(() => {
  "use strict";
  const scan = document.querySelector(".handboek-zelfscan__acties");
  if (!scan) return;
  const KIND = "zelfscan";
  const VERSION = 1;
  const STORAGE_KEY = "handboek-zelfscan:" + location.pathname;
  const SUFFIX = "--punt";
  const points = [...document.querySelectorAll("fieldset.handboek-zelfscan-punt")];
  const message = scan.querySelector(".handboek-zelfscan__melding");

  const keyOf = (fieldset) => fieldset.id.slice(0, -SUFFIX.length);
  const say = (text) => {
    message.textContent = text;
  };

  function read() {
    const answers = {};
    for (const fieldset of points) {
      const key = keyOf(fieldset);
      const checked = fieldset.querySelector(`input[name="${key}--status"]:checked`);
      answers[key] = {
        punt: fieldset.querySelector("legend").textContent,
        status: checked ? checked.value : "",
        verantwoordelijk: document.getElementById(key + "--verantwoordelijk").value,
        notitie: document.getElementById(key + "--notitie").value,
      };
    }
    return { soort: KIND, versie: VERSION, titel: document.title, antwoorden: answers };
  }

  // Fills in the form from saved answers; returns how many answers have no point here.
  function fill(data) {
    if (!data || data.soort !== KIND || typeof data.antwoorden !== "object") {
      throw new Error("geen zelfscan");
    }
    clear();
    let unknown = 0;
    for (const [key, answer] of Object.entries(data.antwoorden)) {
      const fieldset = document.getElementById(key + SUFFIX);
      if (!fieldset || !fieldset.classList.contains("handboek-zelfscan-punt")) {
        unknown += 1;
        continue;
      }
      for (const radio of fieldset.querySelectorAll(`input[name="${key}--status"]`)) {
        radio.checked = radio.value === answer.status;
      }
      document.getElementById(key + "--verantwoordelijk").value = String(
        answer.verantwoordelijk || "",
      );
      document.getElementById(key + "--notitie").value = String(answer.notitie || "");
    }
    return unknown;
  }

  function clear() {
    for (const fieldset of points) {
      for (const input of fieldset.querySelectorAll("input, textarea")) {
        if (input.type === "radio") input.checked = false;
        else input.value = "";
      }
    }
  }

  function filled(unknown, how) {
    const extra =
      unknown > 0
        ? ` ${unknown} ${unknown === 1 ? "antwoord hoort" : "antwoorden horen"} bij een punt dat niet meer in de zelfscan staat; die zijn niet ingevuld.`
        : "";
    say(how + extra);
  }

  const on = (name, handler) =>
    scan.querySelector(".handboek-zelfscan__" + name).addEventListener("click", handler);

  on("bewaren", () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(read()));
    say("De antwoorden zijn bewaard op dit apparaat, in deze browser.");
  });
  on("vergeten", () => {
    localStorage.removeItem(STORAGE_KEY);
    say("Er staan geen antwoorden meer op dit apparaat. Wat u hebt ingevuld, staat nog op de pagina.");
  });
  on("downloaden", () => {
    const text = JSON.stringify(read(), null, 2) + "\n";
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "zelfscan.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    say("De zelfscan is gedownload als zelfscan.json.");
  });
  on("leegmaken", () => {
    clear();
    say("Alle antwoorden op de pagina zijn leeggemaakt.");
  });
  on("afdrukken", () => window.print());

  scan.querySelector(".handboek-zelfscan__bestand").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    try {
      filled(fill(JSON.parse(await file.text())), `De antwoorden uit ${file.name} zijn ingevuld.`);
    } catch {
      say(`${file.name} is geen zelfscan van deze website. Kies een bestand dat u hier hebt gedownload.`);
    }
    event.target.value = "";
  });

  // Reading what the reader saved earlier writes nothing.
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved) {
    try {
      filled(fill(JSON.parse(saved)), "Uw bewaarde antwoorden zijn ingevuld.");
    } catch {
      say("De bewaarde antwoorden konden niet worden gelezen.");
    }
  }
  scan.hidden = false;
  const withoutScript = document.querySelector(".handboek-zelfscan__zonder-script");
  if (withoutScript) withoutScript.hidden = true;
})();
