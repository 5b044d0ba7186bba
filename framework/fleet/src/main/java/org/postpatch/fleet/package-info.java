/** The fleet on one ledger: what {@code postpatch fleet} and {@code postpatch dashboard} read and show. */
package org.postpatch.fleet;
