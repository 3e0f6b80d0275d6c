import fc from 'fast-check';

// Property tests draw the same cases on every run: a failure seen once is seen again, and no run
// passes or fails by the luck of a random seed. Change the seed on purpose to explore new cases.
fc.configureGlobal({ seed: 20_261_203 });
