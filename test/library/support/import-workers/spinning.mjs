// An import thread that never answers and never yields: only terminating it ends it.
for (;;);
