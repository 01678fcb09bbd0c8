// An import thread that fails before it answers, as a bug in a parser would.
throw new Error('the parser met something it did not expect');
