package com.channelrouter.domain;

/** SIMPLE: sold and opened by phone; STANDARD: needs another channel to open; COMPLEX: work-order products. */
public enum ProductCategory { SIMPLE, STANDARD, COMPLEX }
