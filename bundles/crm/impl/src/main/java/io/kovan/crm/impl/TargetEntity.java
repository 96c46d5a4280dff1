package io.kovan.crm.impl;

import java.io.Serializable;
import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of KV_CRM_TARGET: one member's target for one month. */
@Entity
@Table(name = "KV_CRM_TARGET")
@IdClass(TargetEntity.Key.class)
public class TargetEntity {

    /** The primary key: team, member, month. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long teamId;
        String member;
        String month;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(teamId, k.teamId) && java.util.Objects.equals(member, k.member)
                && java.util.Objects.equals(month, k.month);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(teamId, member, month);
        }
    }

    @Id
    @Column(name = "TEAM_ID")
    Long teamId;

    @Id
    String member;

    @Id
    @Column(name = "TARGET_MONTH")
    String month;

    BigDecimal revenue;

    @Column(name = "WON_DEALS")
    int wonDeals;

    int activities;
}
