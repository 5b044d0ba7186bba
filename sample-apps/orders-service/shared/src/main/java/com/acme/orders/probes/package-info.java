/** Java probes of the self-test: checks that read better as code than as YAML. */
package com.acme.orders.probes;
