// An import thread that keeps every byte it allocates, until its heap limit ends it.
const kept = [];
for (;;) kept.push(new Array(1024 * 1024).fill(kept.length));
