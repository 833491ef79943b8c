// Offline support. On install, precache every file of the build (scripts/post_build.py writes
// the list below); then answer network-first, falling back to the cache, so a new build is
// picked up when online and the last one keeps working offline.
const PRECACHE = []; // filled in by scripts/post_build.py
const CACHE = "newslens-" + PRECACHE.join("|").length + "-" + PRECACHE.length;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(["./", ...PRECACHE]);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = event.request.mode === "navigate" ? "./" : event.request;
    try {
      const fresh = await fetch(event.request);
      if (fresh.ok) await cache.put(key, fresh.clone());
      return fresh;
    } catch (error) {
      const hit = await cache.match(key, { ignoreSearch: true });
      if (hit) return hit;
      throw error;
    }
  })());
});
