/** The run ledger: every run recorded with its fingerprint and results, in H2 (default) or PostgreSQL. */
package org.postpatch.ledger;
