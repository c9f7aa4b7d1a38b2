"""stable agreements: dismissed proposals, who caused a version, periods and facilitation of steps

Revision ID: c3d5f7a9b1e2
Revises: d4e6a8c0b2f3
Create Date: 2026-11-23 21:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3d5f7a9b1e2'
down_revision = 'd4e6a8c0b2f3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('learning_paths', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dismissed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('cause_detail', sa.JSON(), nullable=False, server_default='{}'))

    with op.batch_alter_table('path_steps', schema=None) as batch_op:
        batch_op.add_column(sa.Column('period', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('last_period', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(
            sa.Column('needs_facilitation', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column('facilitation_hours', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('why', sa.JSON(), nullable=False, server_default='[]'))


def downgrade():
    with op.batch_alter_table('path_steps', schema=None) as batch_op:
        batch_op.drop_column('why')
        batch_op.drop_column('facilitation_hours')
        batch_op.drop_column('needs_facilitation')
        batch_op.drop_column('last_period')
        batch_op.drop_column('period')

    with op.batch_alter_table('learning_paths', schema=None) as batch_op:
        batch_op.drop_column('cause_detail')
        batch_op.drop_column('dismissed_at')
