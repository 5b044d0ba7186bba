/** Keeping secrets out of every output: console, reports, logs, the ledger and exception messages. */
package org.postpatch.secret;
