"""team view: coaches of starting teachers, the support a teacher has in class

Revision ID: 0a1b2c3d4e5f
Revises: 3d4e5f6a7b8c
Create Date: 2026-11-24 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0a1b2c3d4e5f'
down_revision = '3d4e5f6a7b8c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('starter_coaches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('starter_id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('appointed_by_id', sa.Integer(), nullable=True),
    sa.Column('appointed_at', sa.DateTime(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_starter_coaches_school_id_schools')),
    sa.ForeignKeyConstraint(['starter_id'], ['users.id'], name=op.f('fk_starter_coaches_starter_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_starter_coaches_coach_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['appointed_by_id'], ['users.id'], name=op.f('fk_starter_coaches_appointed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_starter_coaches')),
    sa.UniqueConstraint('starter_id', name=op.f('uq_starter_coaches_starter_id'))
    )
    with op.batch_alter_table('starter_coaches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_starter_coaches_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_starter_coaches_coach_id'), ['coach_id'], unique=False)

    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('class_support', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_column('class_support')

    with op.batch_alter_table('starter_coaches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_starter_coaches_coach_id'))
        batch_op.drop_index(batch_op.f('ix_starter_coaches_school_id'))

    op.drop_table('starter_coaches')
