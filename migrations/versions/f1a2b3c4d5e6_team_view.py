"""team view: expert minimums, school requests, peer pairs

Revision ID: f1a2b3c4d5e6
Revises: b3c4d5e6f7a8
Create Date: 2026-11-24 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f1a2b3c4d5e6'
down_revision = 'b3c4d5e6f7a8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('expert_minimums',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('area_code', sa.String(length=40), nullable=False),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_expert_minimums_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert_minimums')),
    sa.UniqueConstraint('school_id', 'area_code', name=op.f('uq_expert_minimums_school_id'))
    )
    with op.batch_alter_table('expert_minimums', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_minimums_school_id'), ['school_id'], unique=False)

    op.create_table('school_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('area_code', sa.String(length=40), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['teacher_id'], ['users.id'], name=op.f('fk_school_requests_teacher_id_users')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_school_requests_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_requests')),
    sa.UniqueConstraint('teacher_id', 'area_code', name=op.f('uq_school_requests_teacher_id'))
    )
    with op.batch_alter_table('school_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_requests_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('peer_pairs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('colleague_id', sa.Integer(), nullable=False),
    sa.Column('area_code', sa.String(length=40), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_peer_pairs_school_id_schools')),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_peer_pairs_coach_id_users')),
    sa.ForeignKeyConstraint(['colleague_id'], ['users.id'], name=op.f('fk_peer_pairs_colleague_id_users')),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['users.id'], name=op.f('fk_peer_pairs_confirmed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_pairs')),
    sa.UniqueConstraint('colleague_id', 'area_code', name=op.f('uq_peer_pairs_colleague_id'))
    )
    with op.batch_alter_table('peer_pairs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_peer_pairs_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_pairs_coach_id'), ['coach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_pairs_colleague_id'), ['colleague_id'], unique=False)


def downgrade():
    op.drop_table('peer_pairs')
    op.drop_table('school_requests')
    op.drop_table('expert_minimums')
