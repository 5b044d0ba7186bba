/** A small stock service without a framework, the way many older enterprise applications are built. */
package com.acme.inventory;
