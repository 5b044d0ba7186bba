/** Reading the settings shared by several system kinds (regular expressions, version ranges, bounds) from a spec. */
package org.postpatch.probes.system.settings;
