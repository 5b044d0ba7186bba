/** Reading the ledger for the fleet view: a period of every target's runs, in purpose-built SQL, never a whole table. */
package org.postpatch.fleet.read;
