/** JSONPath as RFC 9535 defines it, over Jackson trees: parsing, well-typedness checks and evaluation to nodelists. */
package org.postpatch.probes.http.expect.jsonpath;
