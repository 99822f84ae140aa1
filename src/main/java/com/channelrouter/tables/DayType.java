package com.channelrouter.tables;

/** A calendar entry: a day off that would be worked, or a weekend day that is worked (调休). */
enum DayType { HOLIDAY, WORKDAY }
