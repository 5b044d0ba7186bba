/** How a response is compared with what was declared: status, headers, body, JSONPath, schema, latency, certificate. */
package org.postpatch.probes.http.expect;
