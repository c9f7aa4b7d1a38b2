"""institute programmes and consent

Revision ID: a7b8c9d0e1f2
Revises: e5f7b9d1c3a4
Create Date: 2026-11-25 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7b8c9d0e1f2'
down_revision = 'e5f7b9d1c3a4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'programmes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('institute_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('study_years', sa.Integer(), nullable=False),
        sa.Column('sectors', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(['institute_id'], ['institutes.id'], name=op.f('fk_programmes_institute_id_institutes')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes')),
        sa.UniqueConstraint('institute_id', 'code', name=op.f('uq_programmes_institute_id')),
    )
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programmes_institute_id'), ['institute_id'], unique=False)

    op.create_table(
        'programme_modules',
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('module_code', sa.String(length=40), nullable=False),
        sa.Column('study_year', sa.Integer(), nullable=False),
        sa.Column('compulsory', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_programme_modules_programme_id_programmes'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('programme_id', 'module_code', name=op.f('pk_programme_modules')),
    )

    op.create_table(
        'consents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('teacher_id', sa.Integer(), nullable=False),
        sa.Column('institute_id', sa.Integer(), nullable=False),
        sa.Column('given_at', sa.DateTime(), nullable=False),
        sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['institute_id'], ['institutes.id'], name=op.f('fk_consents_institute_id_institutes')),
        sa.ForeignKeyConstraint(['teacher_id'], ['users.id'], name=op.f('fk_consents_teacher_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_consents')),
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_institute_id'), ['institute_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consents_teacher_id'), ['teacher_id'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('programme_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('graduation_year', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_users_programme_id'), ['programme_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_users_programme_id_programmes'), 'programmes', ['programme_id'], ['id'])


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_users_programme_id_programmes'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_users_programme_id'))
        batch_op.drop_column('graduation_year')
        batch_op.drop_column('programme_id')

    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_consents_institute_id'))
    op.drop_table('consents')
    op.drop_table('programme_modules')
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programmes_institute_id'))
    op.drop_table('programmes')
