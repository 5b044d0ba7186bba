/** Generates what the probe kinds' declarations determine: the JSON Schema for probe files and the key tables. */
package org.postpatch.docs;
