package com.channelrouter.domain;

/** Customer grade by value; POTENTIAL is a prospect with no contract. */
public enum CustomerClass { A, B, C, D, POTENTIAL }
