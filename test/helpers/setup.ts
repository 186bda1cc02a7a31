/**
 * Runs in each test worker before its tests. Some machines set NODE_EXTRA_CA_CERTS, which makes
 * every Node process read and parse a certificate bundle at start-up (about 90 ms of CPU here).
 * costar never uses the network, so the processes the tests start do without it: with several
 * hundred of them that is a quarter of the suite's CPU time.
 */
delete process.env.NODE_EXTRA_CA_CERTS;
