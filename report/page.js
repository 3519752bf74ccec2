(function () {
	"use strict";
	var lang = document.getElementById("lang");
	var order = document.getElementById("order");
	var list = document.getElementById("events");
	var events = Array.prototype.slice.call(document.querySelectorAll("section.event"));
	var count = {};
	events.forEach(function (e) {
		e.getAttribute("data-langs").split(" ").forEach(function (l) {
			if (l) count[l] = (count[l] || 0) + 1;
		});
	});
	Object.keys(count).sort().forEach(function (l) {
		var o = document.createElement("option");
		o.value = l;
		o.textContent = l + " (" + count[l] + (count[l] === 1 ? " event)" : " events)");
		lang.appendChild(o);
	});
	function filter() {
		var l = lang.value, shown = 0;
		events.forEach(function (e) {
			var on = !l || (" " + e.getAttribute("data-langs") + " ").indexOf(" " + l + " ") >= 0;
			e.hidden = !on;
			if (on) shown++;
			e.querySelectorAll("[data-lang]").forEach(function (m) {
				m.classList.toggle("dim", !!l && m.getAttribute("data-lang") !== l);
			});
		});
		document.getElementById("shown").textContent = shown;
	}
	function first(e) {
		var f = e.getAttribute("data-first");
		return f === "" ? Infinity : Number(f);
	}
	function sort() {
		var bySize = function (a, b) { return Number(b.getAttribute("data-size")) - Number(a.getAttribute("data-size")); };
		var byTime = function (a, b) { var x = first(a), y = first(b); return x === y ? 0 : (x < y ? -1 : 1); };
		var cmp = order.value === "time" ? [byTime, bySize] : [bySize, byTime];
		events.slice().sort(function (a, b) { return cmp[0](a, b) || cmp[1](a, b); }).forEach(function (e) {
			list.appendChild(e);
		});
	}
	// The filter and the order are kept in the address (#lang=ja&order=time),
	// so that a filtered page can be bookmarked or passed on.
	function save() {
		var parts = [];
		if (lang.value) parts.push("lang=" + encodeURIComponent(lang.value));
		if (order.value !== "size") parts.push("order=" + order.value);
		history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname);
	}
	location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
		var i = kv.indexOf("="), k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
		if (k === "lang" && count[v]) lang.value = v;
		if (k === "order" && (v === "size" || v === "time")) order.value = v;
	});
	lang.addEventListener("change", function () { filter(); save(); });
	order.addEventListener("change", function () { sort(); save(); });
	filter();
	sort();
	document.body.setAttribute("data-ready", String(events.length));
})();
